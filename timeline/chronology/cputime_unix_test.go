//go:build unix

package chronology

import "syscall"

// cpuTime is the CPU time the process has used, in seconds: on a shared
// machine a fairer measure than the wall clock.
func cpuTime() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
