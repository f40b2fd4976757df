# An uncaught error in a fiber nobody joins is reported with its ID; exit status 1; others go on.
fn boom() {
  error("kaboom")
}
spawn { print("first") }
spawn boom()
spawn { yield; print("third still runs") }
print("main done")
# expect: main done
# expect: first
# expect: third still runs
# expect error: error in fiber 2:
# expect error: fiber_error_unjoined.gs:3:3: kaboom
# expect exit: 1
