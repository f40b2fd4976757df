// http_hello.go — the Go net/http hello server of `make bench-io` (run with
// GOMAXPROCS=1).
//
//	go build -o http-go bench/io/http_hello.go && GOMAXPROCS=1 ./http-go 127.0.0.1:PORT
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Hello, world!\n"))
	})
	log.Fatal(http.ListenAndServe(os.Args[1], nil))
}
