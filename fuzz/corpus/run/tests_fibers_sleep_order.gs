# Sleeping fibers wake in deadline order, whatever order they went to sleep in.
for d in [0.15, 0.03, 0.09, 0.06, 0.12] {
  spawn {
    sleep(d)
    print("woke", d)
  }
}
print("all asleep")
# expect: all asleep
# expect: woke 0.03
# expect: woke 0.06
# expect: woke 0.09
# expect: woke 0.12
# expect: woke 0.15
