# str() of a list whose text outgrows the address space: the buffer str()
# builds in used to abort the process when realloc failed (exit 134, output
# lost); now it is the catchable `out of memory`. (1 GiB, not 2: the text
# is written up to half the limit before the buffer cannot double, and
# writing a gigabyte takes long on a loaded machine; 2 GiB behaves the same.)
. "$(dirname "$0")/hostile_lib.bash"
ulimit_bomb big_str 'print("before")
let s = "x".repeat(50000000)
let l = [s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s]
print(len(str(l)))' 1048576
