# REPL: a server started at the prompt keeps serving while the prompt waits
# for keys, with no timer to wake it: a client connects while a partial entry
# is on the screen, gets its answer, and the entry is finished afterwards.
. "$(dirname "$0")/lib.bash"
command -v timeout >/dev/null || { echo "timeout is missing"; exit 77; }

# the client: waits for the port the REPL writes, then connects (loopback)
(
  for i in $(seq 300); do [ -s "$T/port" ] && break; sleep 0.05; done
  sleep 0.5
  port=$(cat "$T/port")
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf 'ping\n' >&3
  timeout 10 head -n 1 <&3 > "$T/answer"
) &
client=$!

drive <<SCRIPT
expect "gs> "
send let srv = net.listen("127.0.0.1:0")\r
expect "\ngs> "
send spawn { for c in srv { c.write("pong " + c.read_line() + "\\\\n"); c.close(); print("served") } }\r
expect "\ngs> "
send io.write_file("$T/port", str(srv.port))\r
expect "\ngs> "
send 40 +
next "40 +"
next "served\ngs> 40 +"
send  2\r
next " 2\n42\ngs> "
send srv.close()\r
expect "\ngs> "
send \x04
exit 0
SCRIPT
wait $client
[ "$(cat "$T/answer")" = "pong ping" ] || { echo "the client got: $(cat "$T/answer" 2>/dev/null)"; exit 1; }
