// negative: two heap accounts made by one helper each carry their own mutex; the transfer thread takes both (in a fixed order) and the deposit thread takes the second account's mutex around its update.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct account {
	pthread_mutex_t lock;
	long balance;
};

static struct account *a1, *a2;

static struct account *open_account(long initial)
{
	struct account *a = malloc(sizeof(*a));

	if (!a)
		abort();
	pthread_mutex_init(&a->lock, NULL);
	a->balance = initial;
	return a;
}

static void *transfer(void *arg)
{
	pthread_mutex_lock(&a1->lock);
	pthread_mutex_lock(&a2->lock);
	a1->balance -= 10;
	a2->balance += 10;
	pthread_mutex_unlock(&a2->lock);
	pthread_mutex_unlock(&a1->lock);
	return NULL;
}

static void *deposit(void *arg)
{
	pthread_mutex_lock(&a2->lock);
	a2->balance += 5;
	pthread_mutex_unlock(&a2->lock);
	pthread_mutex_lock(&a1->lock);
	a1->balance += 1;
	pthread_mutex_unlock(&a1->lock);
	return NULL;
}

int main(void)
{
	pthread_t t, d;

	a1 = open_account(100);
	a2 = open_account(50);
	pthread_create(&t, NULL, transfer, NULL);
	pthread_create(&d, NULL, deposit, NULL);
	pthread_join(t, NULL);
	pthread_join(d, NULL);
	printf("%ld %ld\n", a1->balance, a2->balance);
	return 0;
}
