// echo.js — the Node.js TCP echo server of `make bench-io`: every connection
// is piped back into itself, as in Node's own documentation.
//
//   node bench/io/echo.js 127.0.0.1:PORT
'use strict';
const net = require('net');

const [host, port] = process.argv[2].split(':');
net.createServer((conn) => {
  conn.on('error', () => {});
  conn.pipe(conn);
}).listen(Number(port), host);
