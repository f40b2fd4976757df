# The traceback of an error in a spawned fiber ends with the line that spawned it.
fn work() { error("deep") }
fn start() {
  return spawn work()
}
start()
# expect error: fiber_spawned_at.gs:2:13: deep
# expect error: fiber_spawned_at.gs:2 in work
# expect error: fiber_spawned_at.gs:4 in start
# expect error:   spawned at 
