// negative: lock and unlock through small wrapper functions around one mutex.
#include <pthread.h>
int g;
pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
void lock(void) { pthread_mutex_lock(&mtx); }
void unlock(void) { pthread_mutex_unlock(&mtx); }
void *t_fun(void *arg) { lock(); g++; unlock(); return NULL; }
int main(void) {
  pthread_t id[10];
  for (int i = 0; i < 10; i++) pthread_create(&id[i], NULL, t_fun, NULL);
  lock(); g = g + 2; unlock();
  for (int i = 0; i < 10; i++) pthread_join(id[i], NULL);
  return g;
}
