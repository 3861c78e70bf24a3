// data-race: lock and unlock wrappers take the account by pointer; one thread adds to the shared total holding account `a`'s lock, the other holding account `b`'s.
#include <pthread.h>
#include <stdio.h>

struct account {
	pthread_mutex_t lock;
	int balance;
};

static struct account a = { PTHREAD_MUTEX_INITIALIZER, 0 };
static struct account b = { PTHREAD_MUTEX_INITIALIZER, 0 };
static int total;

static void account_lock(struct account *acc)
{
	pthread_mutex_lock(&acc->lock);
}

static void account_unlock(struct account *acc)
{
	pthread_mutex_unlock(&acc->lock);
}

static void *deposit_a(void *arg)
{
	account_lock(&a);
	a.balance += 10;
	total += 10; // expect: data-race
	account_unlock(&a);
	return NULL;
}

static void *deposit_b(void *arg)
{
	account_lock(&b);
	b.balance += 20;
	total += 20; // expect: data-race
	account_unlock(&b);
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, deposit_a, NULL);
	pthread_create(&t2, NULL, deposit_b, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	printf("%d %d %d\n", a.balance, b.balance, total);
	return 0;
}
