/**
 * Generated registries: the compact form their descriptors are stored in ({@link
 * dev.sequencer.internal.registry.DescriptorCodec}) and finding them on the class path ({@link
 * dev.sequencer.internal.registry.RegistryDiscovery}).
 */
package dev.sequencer.internal.registry;
