/// What solving a ``LinearProgram`` gave: a solution, or a typed reason there is none — never a
/// crash.
public enum LinearProgramOutcome: Sendable, Equatable {
    /// An optimal solution `x` and its objective (for an integer programme: optimal within
    /// GLPK's default relative gap, 0).
    case optimal(x: [Double], objective: Double)
    /// A feasible solution not proven optimal: the time limit stopped the branch-and-cut.
    case feasible(x: [Double], objective: Double)
    /// No point satisfies the constraints.
    case infeasible
    /// The objective decreases without bound (never for bounded columns).
    case unbounded
    /// The programme was refused before solving (``LinearProgram/problem``), or the solver
    /// failed (its return code named); `reason` says which.
    case failed(reason: String)

    /// The solution, when there is one.
    public var solution: (x: [Double], objective: Double)? {
        switch self {
        case .optimal(let x, let objective), .feasible(let x, let objective): (x, objective)
        case .infeasible, .unbounded, .failed: nil
        }
    }
}
