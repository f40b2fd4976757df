# send on a closed channel raises `send on closed channel`.
let ch = chan(1)
ch.close()
try { ch.send(1) } catch e { print(e.message) }
ch.send(2)
# expect: send on closed channel
# expect error: chan_send_closed.gs:5:1: send on closed channel
