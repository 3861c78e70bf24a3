// negative: the mutex is reached through a global pointer to it.
#include <pthread.h>
int g;
pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t *mp = &mtx;
void *t_fun(void *arg) { pthread_mutex_lock(mp); g++; pthread_mutex_unlock(mp); return NULL; }
int main(void) {
  pthread_t id;
  pthread_create(&id, NULL, t_fun, NULL);
  pthread_mutex_lock(&mtx); g++; pthread_mutex_unlock(&mtx);
  pthread_join(id, NULL);
  return 0;
}
