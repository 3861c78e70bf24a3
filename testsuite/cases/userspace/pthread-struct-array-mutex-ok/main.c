// negative: each cache entry has its own mutex guarding its count; threads pick entries by a variable index.
#include <pthread.h>
struct entry { pthread_mutex_t m; int count; };
struct entry cache[10];
void *t_fun(void *arg) {
  for (int i = 0; i < 10; i++) {
    pthread_mutex_lock(&cache[i].m);
    cache[i].count++;
    pthread_mutex_unlock(&cache[i].m);
  }
  return NULL;
}
int main(void) {
  pthread_t id[2];
  for (int i = 0; i < 10; i++) pthread_mutex_init(&cache[i].m, NULL);
  for (int i = 0; i < 2; i++) pthread_create(&id[i], NULL, t_fun, NULL);
  for (int i = 0; i < 2; i++) pthread_join(id[i], NULL);
  return cache[3].count;
}
