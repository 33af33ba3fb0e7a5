// Sync benchmark (see mutex_contention.rs): two goroutines contend for one sync.Mutex, each
// adding 1 to the shared counter N times.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := uint64(5000000)
	if len(os.Args) > 1 {
		v, err := strconv.ParseUint(os.Args[1], 10, 64)
		if err != nil {
			panic(err)
		}
		n = v
	}
	var mu sync.Mutex
	var counter uint64
	var wg sync.WaitGroup
	for t := 0; t < 2; t++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := uint64(0); i < n; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("mutex_contention(%d) = %d\n", n, counter)
}
