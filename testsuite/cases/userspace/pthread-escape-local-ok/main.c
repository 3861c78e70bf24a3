// negative: main's local is given to the thread, and main touches it only after the join.
#include <pthread.h>
#include <stdio.h>
void *t_fun(void *arg) { int *p = arg; *p = 8; return NULL; }
int main(void) {
  int x = 0;
  pthread_t id;
  pthread_create(&id, NULL, t_fun, &x);
  pthread_join(id, NULL);
  x++;
  printf("%d\n", x);
  return 0;
}
