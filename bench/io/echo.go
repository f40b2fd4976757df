// echo.go — the Go TCP echo server of `make bench-io`: a goroutine per
// connection sends back whatever it reads (run with GOMAXPROCS=1).
//
//	go build -o echo-go bench/io/echo.go && GOMAXPROCS=1 ./echo-go 127.0.0.1:PORT
package main

import (
	"log"
	"net"
	"os"
)

func serve(conn net.Conn) {
	defer conn.Close()
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		if _, err := conn.Write(buf[:n]); err != nil {
			return
		}
	}
}

func main() {
	ln, err := net.Listen("tcp", os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		go serve(conn)
	}
}
