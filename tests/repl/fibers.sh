# REPL: spawned fibers run after each entry until they block, and timers keep
# firing while the prompt waits for a key: their output appears on its own
# lines and the prompt (with what was typed so far) is drawn again below it.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
expect "gs> "
send spawn { for i in 0..3 { sleep(0.3); print("tick", i) } }\r
next "spawn { for i in 0..3 { sleep(0.3); print(\"tick\", i) } }\n<fiber 1 ready>\ngs> "
# no key is pressed: the ticks come by themselves, each followed by the prompt
next "tick 0\ngs> "
next "tick 1\ngs> "
next "tick 2\ngs> "
# the fiber runs at once after the entry, up to its first sleep
send spawn { print("started"); sleep(1); print("late") }\r
expect "\nstarted\ngs> "
# a partial entry survives the redraw
send 40 +
next "40 +"
next "late\ngs> 40 +"
send  2\r
next " 2\n42\ngs> "
# ... also in the middle of a multi-line entry, with the `... ` prompt
send spawn { sleep(1); print("mid") }\r
expect "\ngs> "
send fn k() {\r
next "fn k() {\n... "
next "mid\n... "
send return 9\r
next "return 9\n... "
send }\r
next "}\ngs> "
send k()\r
next "k()\n9\ngs> "
# an error in a fiber nobody joins is reported at the prompt
send spawn { sleep(0.2); error("boom") }\r
expect "\ngs> "
expect "error in fiber"
expect "boom"
expect "\ngs> "
# join, channels and yield from the top level
send let f = spawn { sleep(0.2); return 42 }\r
expect "\ngs> "
send f.join()\r
next "f.join()\n42\ngs> "
send let ch = chan()\r
expect "\ngs> "
send spawn { ch.send(5) }\r
expect "\ngs> "
send ch.recv()\r
next "ch.recv()\n5\ngs> "
send let g = fiber(fn() { yield 1; yield 2 })\r
expect "\ngs> "
send [g.resume(), g.resume()]\r
next "[g.resume(), g.resume()]\n[1, 2]\ngs> "
send \x04
exit 0
SCRIPT

# Ticks keep coming while the prompt sits idle for a long time, and Ctrl-D
# leaves even with a sleeping fiber (the REPL does not wait for it).
drive <<'SCRIPT'
expect "gs> "
send spawn { while true { sleep(0.2); print("beat") } }\r
expect "\ngs> "
expect "beat\ngs> "
expect "beat\ngs> "
expect "beat\ngs> "
send \x04
exit 0
SCRIPT
