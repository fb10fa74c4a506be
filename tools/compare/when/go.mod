module github.com/timelinehq/timeline/tools/compare/when

go 1.26.8

require github.com/olebedev/when v1.1.0

require (
	github.com/AlekSi/pointer v1.0.0 // indirect
	github.com/pkg/errors v0.8.1 // indirect
)
