// Threads benchmark 1 (see threads_spawn.rs): spawn N goroutines, wait for them, sum
// their results (Go's unit of concurrency is the goroutine, not an OS thread).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := uint64(10000)
	if len(os.Args) > 1 {
		v, err := strconv.ParseUint(os.Args[1], 10, 64)
		if err != nil {
			panic(err)
		}
		n = v
	}
	results := make([]uint64, n)
	var wg sync.WaitGroup
	for i := uint64(0); i < n; i++ {
		wg.Add(1)
		go func(i uint64) {
			defer wg.Done()
			results[i] = i*2 + 1
		}(i)
	}
	wg.Wait()
	var sum uint64
	for _, r := range results {
		sum += r
	}
	fmt.Printf("threads_spawn(%d) = %d\n", n, sum)
}
