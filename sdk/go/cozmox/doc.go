// Cozmox outbound call campaigns: who is called, when, by which assistant.
package cozmox
