//go:build !unix

package chronology

func cpuTime() float64 { return 0 }
