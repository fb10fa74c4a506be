package timeline

// SetProgramVersion makes the cache see another program version until
// the returned func restores it.
func SetProgramVersion(v string) (restore func()) {
	old := programVersion
	programVersion = func() string { return v }
	return func() { programVersion = old }
}
