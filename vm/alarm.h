/* alarm.h — a thread that sets a bit in a flag word at a given time
 * (CLOCK_MONOTONIC nanoseconds); see alarm.c. */
#ifndef GS_ALARM_H
#define GS_ALARM_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Alarm Alarm;

/* Start the thread; NULL if it cannot be started. */
Alarm *alarm_new(volatile int *flag, int bit);
/* Set the bit at `at` or earlier: an earlier request wins; once the bit is
 * set the alarm is unarmed until the next call. */
void alarm_set(Alarm *a, int64_t at);
/* Stop the thread and free it (NULL is fine). */
void alarm_free(Alarm *a);

#endif
