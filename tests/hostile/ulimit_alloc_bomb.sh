# An allocation bomb with 2 GiB of address space: when malloc fails the
# program ends with the catchable `out of memory` (here uncaught: exit 1),
# and what it printed before is kept. (Each string four times the one
# before: the request that fails is bigger than all the memory touched so
# far, which keeps the run short.)
. "$(dirname "$0")/hostile_lib.bash"
ulimit_bomb alloc_bomb 'print("before")
let l = []
let n = 1600000
while true {
  l.push("x".repeat(n))
  n *= 4
}'
