// Async benchmark 1 (see tasks_spawn.rs): spawn N goroutines, collect their results
// through per-goroutine result slots, sum them.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := uint64(1000000)
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
			results[i] = i & 7
		}(i)
	}
	wg.Wait()
	sum := uint64(0)
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)
}
