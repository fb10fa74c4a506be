package main

// rng is splitmix64. The corpus must stay byte-identical for a seed across
// Go releases, and math/rand/v2 promises stable generators but not stable
// outputs of its helper methods, so the few helpers needed live here.
type rng struct{ s uint64 }

// newRNG returns the generator of one stream of a seed: article i of a
// corpus draws from stream i only, which is what makes the first k
// articles the same for every corpus size.
func newRNG(seed uint64, stream ...uint64) *rng {
	r := &rng{s: seed}
	r.next()
	for _, s := range stream {
		r.s ^= s*0xD1B54A32D192ED03 + 0x8CB92BA72F3D8DD7
		r.next()
	}
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// intn returns a number in [0, n); the modulo bias is far below what a
// synthetic corpus could show.
func (r *rng) intn(n int) int {
	if n <= 0 {
		panic("rng.intn: n <= 0")
	}
	return int(r.next() % uint64(n))
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability percent/100.
func (r *rng) chance(percent int) bool { return r.intn(100) < percent }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// weighted returns an index into weights, each chosen in proportion to its weight.
func (r *rng) weighted(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.intn(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
