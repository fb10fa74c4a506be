package site

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// inParallel calls work(i) for every i < n, on every core, a chunk of
// indexes at a time. newWork makes each goroutine's work, so that it can
// keep buffers of its own.
func inParallel(n, chunk int, newWork func() func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n/chunk+1) {
		wg.Go(func() {
			work := newWork()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					work(i)
				}
			}
		})
	}
	wg.Wait()
}
