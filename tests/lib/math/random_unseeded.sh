# Without seed(), each run (VM) starts from a different time-based seed.
set -e
a=$("$GS" -e 'print(math.random(0, 1000000000000), math.random())')
b=$("$GS" -e 'print(math.random(0, 1000000000000), math.random())')
[ -n "$a" ] && [ "$a" != "$b" ] || { echo "same sequence twice: $a"; exit 1; }
