// Async benchmark 2 (see tasks_sleep.rs): N goroutines each sleeping 10 ms.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

func main() {
	n := uint64(100000)
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
			time.Sleep(10 * time.Millisecond)
			results[i] = i & 1
		}(i)
	}
	wg.Wait()
	sum := uint64(0)
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)
}
