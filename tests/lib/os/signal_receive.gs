# os.signal delivers each signal's name on its channel; os.signal_stop closes the channel.
let ch = os.signal("USR1", "SIGTERM")
let me = "${os.pid()}"
proc.run(["kill", "-USR1", me])
print(ch.recv())
proc.run(["kill", "-TERM", me])
print(ch.recv())
os.signal_stop(ch)
print(ch.recv())
os.signal_stop(ch)
let later = os.signal("HUP")
proc.run(["kill", "-HUP", me])
for s in later { print(s); break }
os.signal_stop(later)
# expect: USR1
# expect: TERM
# expect: nil
# expect: HUP
