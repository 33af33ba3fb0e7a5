// Channels benchmark 2 in Go: N integers through a channel of capacity 1024.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := uint64(10000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseUint(os.Args[1], 10, 64)
	}
	ch := make(chan uint64, 1024)
	go func() {
		for i := uint64(0); i < n; i++ {
			ch <- i
		}
	}()
	sum := uint64(0)
	for i := uint64(0); i < n; i++ {
		sum += <-ch
	}
	fmt.Printf("chan_throughput(%d) = %d\n", n, sum)
}
