namespace ChatBot.Core.Delivery;

/// <summary>A destination already has <see cref="SendLanes.MaxWaitingPerLane"/> ordinary sends waiting: this one was refused.</summary>
public sealed class LaneFullException(string destination)
    : Exception($"{SendLanes.MaxWaitingPerLane} replies already wait for {destination}; this one was dropped.")
{
    public string Destination { get; } = destination;
}
