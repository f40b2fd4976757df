# The spawning fiber keeps running: a spawned fiber does not run until the spawner yields.
let log = []
spawn { log.push("child") }
log.push("parent 1")
log.push("parent 2")
print(log)
yield
print(log)
# expect: ["parent 1", "parent 2"]
# expect: ["parent 1", "parent 2", "child"]
