# Spawned fibers run in spawn order (FIFO) once the spawner yields.
for i in 0..5 {
  spawn { print("fiber", i) }
}
print("main before yield")
yield
print("main after yield")
# expect: main before yield
# expect: fiber 0
# expect: fiber 1
# expect: fiber 2
# expect: fiber 3
# expect: fiber 4
# expect: main after yield
