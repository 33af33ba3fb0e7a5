// The async channels benchmark in Go: ping-pong between two goroutines over two unbuffered
// channels, N round trips (10^6 by default; the first argument).
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := uint64(1000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseUint(os.Args[1], 10, 64)
	}
	ping := make(chan uint64)
	pong := make(chan uint64)
	done := make(chan bool)
	go func() {
		for i := uint64(0); i < n; i++ {
			v := <-ping
			pong <- v + 1
		}
		done <- true
	}()
	v := uint64(0)
	for i := uint64(0); i < n; i++ {
		ping <- v
		v = <-pong
	}
	<-done
	fmt.Printf("async_pingpong(%d) = %d\n", n, v)
}
