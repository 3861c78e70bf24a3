// negative: workers rename a shared buffer with strncpy and compare it with strcmp, always under the mutex main also takes to print it.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char name[32] = "idle";
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *renamer(void *arg)
{
	pthread_mutex_lock(&lock);
	if (strcmp(name, "idle") == 0)
		strncpy(name, (const char *)arg, sizeof(name) - 1);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	size_t len;

	pthread_create(&a, NULL, renamer, "alpha");
	pthread_create(&b, NULL, renamer, "beta");
	pthread_mutex_lock(&lock);
	len = strlen(name);
	pthread_mutex_unlock(&lock);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%zu %s\n", len, name);
	return 0;
}
