# An allocation bomb with 2 GiB of address space: when malloc fails the
# program ends with the catchable `out of memory` (here uncaught: exit 1),
# and what it printed before is kept.
. "$(dirname "$0")/hostile_lib.bash"
ulimit_bomb alloc_bomb 'print("before")
let l = []
while true { l.push("x".repeat(20000000) + str(len(l))) }'
