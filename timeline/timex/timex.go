package timex

// Types of temporal expression, as in TimeML.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Timex is one temporal expression found in a text.
type Timex struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset of the first byte in the input
	End   int    `json:"end"`   // byte offset just past the last byte
	Type  string `json:"type"`  // Date, Time, Duration or Set
	Value string `json:"value"` // TIMEX3 value: 2021-12-30, 2021-12, 2021-W52, 2021-12-30T20:30, P3D, PAST_REF, ...
	Mod   string `json:"mod,omitempty"`
}
