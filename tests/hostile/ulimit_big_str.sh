# str() of a list whose text outgrows 2 GiB of address space: the buffer
# str() builds in used to abort the process when realloc failed (exit 134,
# output lost); now it is the catchable `out of memory`.
. "$(dirname "$0")/hostile_lib.bash"
ulimit_bomb big_str 'print("before")
let s = "x".repeat(100000000)
let l = [s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s]
print(len(str(l)))'
