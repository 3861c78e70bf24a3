// negative: a recursive helper, inlined into its callers at -O2 with an out-of-line copy left that nothing calls, touches the counter only while its caller holds the mutex.
#include <pthread.h>
int g;
pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
void bump(int n) { if (n <= 0) return; g++; bump(n - 1); }
void *t_fun(void *arg) { pthread_mutex_lock(&mtx); bump(3); pthread_mutex_unlock(&mtx); return NULL; }
int main(void) {
  pthread_t id[3];
  for (int i = 0; i < 3; i++) pthread_create(&id[i], NULL, t_fun, NULL);
  pthread_mutex_lock(&mtx); bump(2); pthread_mutex_unlock(&mtx);
  for (int i = 0; i < 3; i++) pthread_join(id[i], NULL);
  return g;
}
