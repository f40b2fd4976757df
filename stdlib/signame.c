/* signame.c — signal names as scripts write them ("TERM", "KILL"), for
 * proc's kill and exit status and for os.signal. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include "libs.h"

int lib_signal_number(const char *name) {
  if (strncmp(name, "SIG", 3) == 0) name += 3;
  for (int sig = 1; sig < NSIG; sig++) {
    const char *abbrev = sigabbrev_np(sig);
    if (abbrev && strcmp(abbrev, name) == 0) return sig;
  }
  return -1;
}

const char *lib_signal_name(int sig) {
  const char *abbrev = sigabbrev_np(sig);
  return abbrev ? abbrev : "?";
}
