// http_hello.js — the Node.js http hello server of `make bench-io`.
//
//   node bench/io/http_hello.js 127.0.0.1:PORT
'use strict';
const http = require('http');

const [host, port] = process.argv[2].split(':');
http.createServer((req, res) => {
  if (req.url !== '/') {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end(`no page ${req.url}\n`);
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello, world!\n');
}).listen(Number(port), host);
