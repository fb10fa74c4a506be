package article

import "strings"

// msgNoDate opens the message of the error for an article without a
// publication date.
const msgNoDate = "no publication date"

// NoDate reports whether e is about a missing publication date: such an
// article is left out of the timeline with a warning rather than failing
// the build.
func (e *Error) NoDate() bool { return strings.HasPrefix(e.Msg, msgNoDate) }
