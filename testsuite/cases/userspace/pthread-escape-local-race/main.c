// data-race: main passes the address of its local to the thread and writes it while the thread runs.
#include <pthread.h>
#include <stdio.h>
void *t_fun(void *arg) { int *p = arg; *p = 8; return NULL; } // expect: data-race
int main(void) {
  int x = 0;
  pthread_t id;
  pthread_create(&id, NULL, t_fun, &x);
  x = 5; // expect: data-race
  pthread_join(id, NULL);
  printf("%d\n", x);
  return 0;
}
