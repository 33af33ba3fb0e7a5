// Threads benchmark 2 (see threads_cpu.rs): a CPU-bound loop split over T goroutines.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

const P = 1000000007

func part(lo, hi uint64) uint64 {
	var acc uint64
	for i := lo; i < hi; i++ {
		acc += i%1000*3 + 1
		if acc >= P {
			acc -= P
		}
	}
	return acc
}

func arg(i int, def uint64) uint64 {
	if len(os.Args) > i {
		v, err := strconv.ParseUint(os.Args[i], 10, 64)
		if err != nil {
			panic(err)
		}
		return v
	}
	return def
}

func main() {
	n := arg(1, 20000000)
	t := arg(2, 2)
	out := make([]uint64, t)
	var wg sync.WaitGroup
	for k := uint64(0); k < t; k++ {
		wg.Add(1)
		go func(k uint64) {
			defer wg.Done()
			out[k] = part(n*k/t, n*(k+1)/t)
		}(k)
	}
	wg.Wait()
	var total uint64
	for _, r := range out {
		total = (total + r) % P
	}
	fmt.Printf("threads_cpu(%d) = %d\n", n, total)
}
