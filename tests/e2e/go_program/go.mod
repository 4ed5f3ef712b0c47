module cozmox-go

go 1.25

require (
	github.com/pulumi/pulumi/sdk/v3 v3.274.1
	github.com/cozmox/pulumi-cozmox/sdk/go v0.0.0
)

// The SDK is on no module proxy: its folder in this repository (the test copies the program
// and points this at the absolute folder).
replace github.com/cozmox/pulumi-cozmox/sdk/go => ../../../sdk/go
