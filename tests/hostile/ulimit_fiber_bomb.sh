# A fiber bomb with 2 GiB of address space: when no fiber stack can be
# mapped any more, spawn raises the catchable `out of memory` (it used to be
# `cannot create fiber: Cannot allocate memory`); what was printed is kept.
. "$(dirname "$0")/hostile_lib.bash"
ulimit_bomb fiber_bomb 'print("before")
let c = chan()
let fs = []
while true { fs.push(spawn c.recv()) }'
