// data-race: the thread takes the lock only on one branch of a nondeterministic condition.
#include <pthread.h>
extern int __VERIFIER_nondet_int(void);
int g;
pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
void *t_fun(void *arg) {
  int c = __VERIFIER_nondet_int();
  if (c) pthread_mutex_lock(&mtx);
  g++; // expect: data-race
  if (c) pthread_mutex_unlock(&mtx);
  return NULL;
}
int main(void) {
  pthread_t id;
  pthread_create(&id, NULL, t_fun, NULL);
  pthread_mutex_lock(&mtx);
  g = 5; // expect: data-race
  pthread_mutex_unlock(&mtx);
  pthread_join(id, NULL);
  return 0;
}
