package timex

import "time"

// Types of temporal expression, as in TimeML.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Value is a TIMEX3 value: a date or time at the precision the text
// gives ("2021-12-30", "2021-12", "2021-W52", "2021-12-30T20:30Z"), a
// duration ("P3D"), a set's period or a vague reference ("PAST_REF").
// The package's functions on values take strings as well, since events
// and the chronology keep dates as the JSON event format's strings.
type Value string

// Span returns the interval [start, end) a date value covers; see Span.
func (v Value) Span() (start, end time.Time, ok bool) { return Span(string(v)) }

// Precision names the granularity of v; see Precision.
func (v Value) Precision() string { return Precision(string(v)) }

// Compatible reports whether v and w can name the same time; see Compatible.
func (v Value) Compatible(w Value) bool { return Compatible(string(v), string(w)) }

// Narrower reports whether v names a shorter time than w; see Narrower.
func (v Value) Narrower(w Value) bool { return Narrower(string(v), string(w)) }

// Timex is one temporal expression found in a text.
type Timex struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset of the first byte in the input
	End   int    `json:"end"`   // byte offset just past the last byte
	Type  string `json:"type"`  // Date, Time, Duration or Set
	Value Value  `json:"value"` // TIMEX3 value: 2021-12-30, 2021-12, 2021-W52, 2021-12-30T20:30, P3D, PAST_REF, ...
	Mod   string `json:"mod,omitempty"`
}
