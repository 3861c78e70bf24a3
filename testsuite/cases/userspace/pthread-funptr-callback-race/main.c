// data-race: the thread calls the update through a function pointer without the lock main uses.
#include <pthread.h>
int g;
pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
void inc(void) { g++; } // expect: data-race
void (*cb)(void) = inc;
void *t_fun(void *arg) { cb(); return NULL; }
int main(void) {
  pthread_t id;
  pthread_create(&id, NULL, t_fun, NULL);
  pthread_mutex_lock(&mtx);
  g = 3; // expect: data-race
  pthread_mutex_unlock(&mtx);
  pthread_join(id, NULL);
  return 0;
}
