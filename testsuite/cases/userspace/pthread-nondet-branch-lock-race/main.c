// data-race: SV-COMP style; the thread unlocks early on one path and then writes.
#include <pthread.h>
#include <assert.h>
extern int __VERIFIER_nondet_int(void);
int g;
pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
void *t_fun(void *arg) {
  pthread_mutex_lock(&mtx);
  if (__VERIFIER_nondet_int()) { pthread_mutex_unlock(&mtx); g = 1; return NULL; } // expect: data-race
  g = 2;
  pthread_mutex_unlock(&mtx);
  return NULL;
}
int main(void) {
  pthread_t id;
  pthread_create(&id, NULL, t_fun, NULL);
  pthread_mutex_lock(&mtx);
  assert(g >= 0); // expect: data-race
  pthread_mutex_unlock(&mtx);
  pthread_join(id, NULL);
  return 0;
}
